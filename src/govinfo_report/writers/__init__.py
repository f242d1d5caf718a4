"""What a report becomes: the JSON data contract, text, HTML, PDF and summaries."""
