"""One module per command verb: the only layer that prints, takes locks and returns exit codes.

``codegen VERB`` runs ``codegen.commands.VERB.run(**options)`` (``import_`` for
``import``), with the options :mod:`codegen.cli` parsed as keywords; each module imports
what only its verb needs. :mod:`.init`, :mod:`.import_`, :mod:`.validate`, :mod:`.names`,
:mod:`.explain`, :mod:`.generate`, :mod:`.check`, :mod:`.diff`; :mod:`._session` is what they share around
their work (locks, leftovers of killed runs). A command does not import another.
"""

__all__: list[str] = []  # the verbs are modules, imported one at a time by codegen.cli
