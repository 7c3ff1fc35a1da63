"""Reading files into article records: formats, encodings, change detection, import problems."""
