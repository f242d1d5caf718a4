"""The national template: table vocabularies read from the grammars, formats and rules."""
