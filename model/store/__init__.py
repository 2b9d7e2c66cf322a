"""What is kept: published versions (publish, history, restore), users and the audit log.

Import from the module that defines a name (``from model.store.<module> import …``): the
package imports nothing, so a command or a page pays only for the modules it uses.
"""
