"""Reading the clerk's workbook (DOMAIN.md §3–4): guard, isolate, parse, validate, resolve.

Import from the module that defines a name (``from model.workbook.<module> import …``): the
package imports nothing, so a command or a page pays only for the modules it uses.
"""
