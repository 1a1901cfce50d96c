/// docnorm's version, recorded in batch manifests and reports: a rerun redoes
/// every output made by another version. Raise it whenever output may change.
let docnormVersion = "0.6.0"
