TEXT = """first line
    indented line
last line"""


def main() -> None:
    print(TEXT)
    lines = TEXT.splitlines()
    print(len(lines), [line.strip() for line in lines])
    doc = '''
leading newline
'''
    print(repr(doc))
    print(len(TEXT.split("\n")))


main()
