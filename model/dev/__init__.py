"""For developers: the sample county's generator and the benchmark.

Import from the module that defines a name (``from model.dev.<module> import …``): the
package imports nothing, so a command or a page pays only for the modules it uses.
"""
