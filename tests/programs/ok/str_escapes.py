def main() -> None:
    print("tab:\tend", "newline:\\n", "quote:\"", 'single:\'')
    print("\x41\x42\x43", "\u00e9\u00e8", "\U0001F600", "\101\102", "\0" == "\x00")
    print(r"raw \n stays", r"C:\path\to", R"\d+")
    print("back\\slash", len("\\"), len("\n"), len(r"\n"))
    print("bell\a".endswith("\x07"), "\b\f\v" == "\x08\x0c\x0b")
    print('''triple 'single' "double"''')
    print("""triple "double" 'single'""")
    print("line1\
 continued")
    print("adjacent" " literals" ' joined')
    print("\N{BLACK STAR} \N{LATIN SMALL LETTER E WITH ACUTE}")


main()
