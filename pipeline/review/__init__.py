"""`cchc review OUTDIR`: read, correct and mark reviewed the archive's articles in a browser.

`app` is the Flask app and its JSON API, `store` the index of OUTDIR/records.jsonl,
`actions` turns a request into a checked correction (pipeline.corrections appends it),
`gold` writes the reviewed articles as gold. This subpackage imports the layers below it;
nothing below imports it.
"""
