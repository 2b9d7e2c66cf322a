"""The 1+X rules as codes and numbers (DOMAIN.md §4–6): timeline, findings, credits,
assessment, progress, and the year's report that holds them all.

Import from the module that defines a name (``from model.engine.<module> import …``): the
package imports nothing, so a command or a page pays only for the modules it uses.
"""
