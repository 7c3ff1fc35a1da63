"""Russian text handling: normalisation, tokens and lemmas, the index analyzer."""
