"""Files we write: the Excel report, the annotated copy, the template, the terminal report.

Import from the module that defines a name (``from model.outputs.<module> import …``): the
package imports nothing, so a command or a page pays only for the modules it uses.
"""
