"""``qa lsp``: a Language Server for editors (diagnostics as you type, fixes as code actions).

Only :mod:`qa.lsp.server` needs pygls (the ``lsp`` extra); the other modules are plain
Python so that positions and actions can be tested and reused without it.
"""
