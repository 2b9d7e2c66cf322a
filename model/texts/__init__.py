"""The one catalogue of domain texts, code → {zh, en}: errors, findings, reasons, fixes,
statuses. The engine returns codes; these words are chosen at the edges.

Import from the module that defines a name (``from model.texts.<module> import …``): the
package imports nothing, so a command or a page pays only for the modules it uses.
"""
