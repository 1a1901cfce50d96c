"""Normalize a corpus with Spark by piping each partition through
`docnorm batch --jsonl`, then write the normalized dataset and the facts table.

    spark-submit normalize_corpus.py --input FOLDER_OR_JSONL --output OUT [--docnorm PATH]

--input is either a folder of extracted .txt reports (read as whole files) or
JSON Lines with "id" and "text" (a file or a folder of them). OUT receives
normalized/ (JSON Lines: id, status, text, metadata, error) and facts/ (CSV
with a header: one row per value cell of every template table).

docnorm does the work; Spark only moves text to it and results back. Every
input line gives exactly one output line in the same order, failures
included, so nothing is lost silently. The docnorm binary must exist at the
same path on every executor (in local mode: this machine).
"""
import argparse
import json
import os
import shlex

from pyspark.sql import Row, SparkSession

FACT_COLUMNS = ["file", "issuing_body", "year", "table", "template", "row", "column", "value", "arithmetic_held"]


def decode(data):
    """Text for the JSON record; JSON carries text, not bytes, so the charset
    is settled here: UTF-8, else GB18030 (what Chinese PDF extractors write)."""
    for charset in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(charset)
        except UnicodeDecodeError:
            pass
    return data.decode("utf-8", errors="replace")


def read_inputs(spark, path, partitions):
    """(id, text) pairs as JSON Lines strings, from a folder of .txt or JSONL."""
    if os.path.isdir(path) and not any(name.endswith((".jsonl", ".json")) for name in os.listdir(path)):
        files = spark.sparkContext.binaryFiles(os.path.join(path, "*.txt"), minPartitions=partitions)
        return files.map(lambda item: json.dumps({"id": os.path.basename(item[0]), "text": decode(item[1])}, ensure_ascii=False))
    frame = spark.read.json(path)
    return frame.select("id", "text").rdd.map(lambda row: json.dumps({"id": row["id"], "text": row["text"]}, ensure_ascii=False))


def fact_rows(record):
    metadata = record.get("metadata") or {}
    for fact in record.get("facts") or []:
        held = fact.get("arithmeticHeld")
        yield Row(file=str(record["id"]), issuing_body=metadata.get("issuingBody") or "",
                  year=str(metadata.get("year") or ""), table=str(fact["table"]), template=fact.get("template") or "",
                  row=" / ".join(fact["row"]), column=" / ".join(fact["column"]), value=fact["value"],
                  arithmetic_held="" if held is None else ("true" if held else "false"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--docnorm", default=os.path.abspath(".build/debug/docnorm"))
    parser.add_argument("--partitions", type=int, default=4)
    args = parser.parse_args()

    spark = SparkSession.builder.appName("docnorm").getOrCreate()
    lines = read_inputs(spark, args.input, args.partitions).repartition(args.partitions)
    # One docnorm process per partition; it keeps the partition's order.
    command = shlex.join([args.docnorm, "batch", "--jsonl", "--jobs", "1"])
    records = lines.pipe(command, checkCode=True).map(json.loads).cache()

    normalized = records.map(lambda r: Row(id=str(r["id"]), status=r["status"], text=r.get("text"),
                                           metadata=json.dumps(r.get("metadata"), ensure_ascii=False),
                                           error=r.get("error")))
    spark.createDataFrame(normalized, "id string, status string, text string, metadata string, error string") \
        .write.mode("overwrite").json(os.path.join(args.output, "normalized"))
    facts = records.flatMap(fact_rows)
    spark.createDataFrame(facts, ", ".join(f"{c} string" for c in FACT_COLUMNS)) \
        .write.mode("overwrite").option("header", True).csv(os.path.join(args.output, "facts"))

    counts = dict(records.map(lambda r: (r["status"], 1)).reduceByKey(lambda a, b: a + b).collect())
    print(f"docnorm on spark: {counts.get('ok', 0)} ok, {counts.get('error', 0)} errors")
    spark.stop()


if __name__ == "__main__":
    main()
