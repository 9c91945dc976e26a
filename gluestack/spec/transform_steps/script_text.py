"""Spark SQL text as an argument of a generated statement, kept within the line length."""

from gluestack.codegen.python_text import INDENT, LINE_LENGTH, quote


def sql_argument(variable: str, expression: str, head: str, tail: str) -> tuple[str, list[str]]:
    """The expression inline when its statement fits a line, else a variable set before it.

    Returns the argument text and the lines to write before the statement. Ruff never splits
    a string, so a long one becomes implicitly joined pieces of whole words.
    """
    if len(f"{head}{quote(expression)}{tail}") <= LINE_LENGTH:
        return quote(expression), []
    if len(f"{variable} = {quote(expression)}") <= LINE_LENGTH:
        return variable, [f"{variable} = {quote(expression)}"]
    pieces, current = [], ""
    for word in expression.split(" "):
        if current and len(quote(current + word + " ")) > LINE_LENGTH - 2 * len(INDENT):
            pieces.append(current)
            current = ""
        current += word + " "
    pieces.append(current.rstrip(" "))
    body = "".join(f"{INDENT}{quote(piece)}\n" for piece in pieces)
    return variable, [f"{variable} = (\n{body})"]
