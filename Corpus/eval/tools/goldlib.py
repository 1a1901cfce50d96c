"""Shared definitions for the eval corpus tools: template grids of the three
standard tables (2021 format and 2019 trial format), gold parsing, and the
mapping from grid positions to record label paths.

A template is a list of rows. Each row is (cells, row_path) where cells is a
list with one entry per grid column: a label string that must appear exactly
(possibly ""), or V for a value cell. row_path is the record "row" label path.
COLS maps a grid column index to the record "column" label path; for table 二
the column path is the header of the block the row belongs to (computed).
"""
import re

V = object()  # marks a value cell

# ------------------------------------------------------------------ table 二
def _t2(blocks):
    rows = []
    for caption, header, data in blocks:
        rows.append(([caption, "", "", ""], None))
        rows.append((list(header), None))
        for label in data:
            cells = [label] + [V if header[k] else "" for k in range(1, 4)]
            rows.append((cells, [caption, label]))
    return rows

T2_2021 = _t2([
    ("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "行政规范性文件"]),
    ("第二十条第（五）项", ["信息内容", "本年处理决定数量", "", ""], ["行政许可"]),
    ("第二十条第（六）项", ["信息内容", "本年处理决定数量", "", ""], ["行政处罚", "行政强制"]),
    ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）", "", ""], ["行政事业性收费"]),
])

T2_2019 = _t2([
    ("第二十条第（一）项", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], ["规章", "规范性文件"]),
    ("第二十条第（五）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], ["行政许可", "其他对外管理服务事项"]),
    ("第二十条第（六）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], ["行政处罚", "行政强制"]),
    ("第二十条第（八）项", ["信息内容", "上一年项目数量", "本年增/减", ""], ["行政事业性收费"]),
    ("第二十条第（九）项", ["信息内容", "采购项目数量", "采购总金额", ""], ["政府集中采购"]),
])

# ------------------------------------------------------------------ table 三
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_HEADER = [
    [T3_NOTE, "", "", "申请人情况", "", "", "", "", "", ""],
    ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
    ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
]
T3_COLS = [
    ["申请人情况", "自然人"],
    ["申请人情况", "法人或其他组织", "商业企业"],
    ["申请人情况", "法人或其他组织", "科研机构"],
    ["申请人情况", "法人或其他组织", "社会公益组织"],
    ["申请人情况", "法人或其他组织", "法律服务机构"],
    ["申请人情况", "法人或其他组织", "其他"],
    ["申请人情况", "总计"],
]
R3 = "三、本年度办理结果"
PART = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
_GROUPS = [
    ("（三）不予公开", ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
                   "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
                   "7.属于行政执法案卷", "8.属于行政查询事项"]),
    ("（四）无法提供", ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]),
    ("（五）不予处理", ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
                   "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"]),
]
_OTHER_2021 = ("（六）其他处理", ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                            "3.其他"])


def _t3(fmt):
    vals = [V] * 7
    rows = [(list(h), None) for h in T3_HEADER]
    lab = "一、本年新收政府信息公开申请数量"
    rows.append(([lab, "", ""] + vals, [lab]))
    lab = "二、上年结转政府信息公开申请数量"
    rows.append(([lab, "", ""] + vals, [lab]))
    rows.append(([R3, "（一）予以公开", ""] + vals, [R3, "（一）予以公开"]))
    rows.append((["", PART, ""] + vals, [R3, PART]))
    groups = list(_GROUPS) + ([_OTHER_2021] if fmt == "2021" else [])
    for g, items in groups:
        for i, it in enumerate(items):
            rows.append((["", g if i == 0 else "", it] + vals, [R3, g, it]))
    if fmt == "2019":
        rows.append((["", "（六）其他处理", ""] + vals, [R3, "（六）其他处理"]))
    rows.append((["", "（七）总计", ""] + vals, [R3, "（七）总计"]))
    lab = "四、结转下年度继续办理"
    rows.append(([lab, "", ""] + vals, [lab]))
    return rows

T3_2021 = _t3("2021")
T3_2019 = _t3("2019")

# ------------------------------------------------------------------ table 四
_RES = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
T4 = [
    (["行政复议", "", "", "", "", "行政诉讼"] + [""] * 9, None),
    (_RES + ["未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""], None),
    ([""] * 5 + _RES + _RES, None),
    ([V] * 15, []),
]
T4_COLS = ([["行政复议", r] for r in _RES] + [["行政诉讼", "未经复议直接起诉", r] for r in _RES]
           + [["行政诉讼", "复议后起诉", r] for r in _RES])

TEMPLATES = {
    ("2021", "二"): ("2021-active-disclosure", T2_2021),
    ("2019", "二"): ("2019-active-disclosure", T2_2019),
    ("2021", "三"): ("2021-applications", T3_2021),
    ("2019", "三"): ("2019-applications", T3_2019),
    ("2021", "四"): ("2021-review-litigation", T4),
    ("2019", "四"): ("2019-review-litigation", T4),
}


def blocks_of(text):
    return text.rstrip("\n").split("\n\n")


def table_kind(rows):
    first = rows[0][0]
    if first.startswith("第二十条"):
        return "二"
    if first.startswith("（本列数据"):
        return "三"
    if first == "行政复议":
        return "四"
    return None


def doc_format(tables):
    """'2019' if table 二 uses the 2019 trial-format headers, else '2021'."""
    for kind, rows in tables:
        if kind == "二":
            return "2019" if any("本年新制作数量" in r for r in rows) else "2021"
    for kind, rows in tables:
        if kind == "三":
            return "2021" if len(rows) == 3 + 25 else "2019"
    return "2021"


def tables_of(text):
    out = []
    for b in blocks_of(text):
        if "\t" in b:
            rows = [ln.split("\t") for ln in b.split("\n")]
            out.append((table_kind(rows), rows))
    return out


def column_path(kind, template, ri, ci):
    if kind == "三":
        return T3_COLS[ci - 3]
    if kind == "四":
        return T4_COLS[ci]
    # 二: the header row of this block is the nearest row above whose first cell is 信息内容
    for r in range(ri - 1, -1, -1):
        cells = template[r][0]
        if cells[0] == "信息内容":
            return [cells[ci]]
    raise ValueError("no header")


def records(text):
    """Yield record dicts for every value cell of every template table."""
    tables = tables_of(text)
    fmt = doc_format(tables)
    for kind, rows in tables:
        if kind is None:
            continue
        tid, template = TEMPLATES[(fmt, kind)]
        for ri, (cells, path) in enumerate(template):
            for ci, t in enumerate(cells):
                if t is V:
                    yield {"table": tid, "row": path, "column": column_path(kind, template, ri, ci),
                           "value": rows[ri][ci]}
