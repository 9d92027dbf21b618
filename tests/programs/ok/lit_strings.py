def main() -> None:
    print('single', "double", '''tri single''', """tri double""")
    print('mix "quotes"', "mix 'quotes'", 'esc \'q\'', "esc \"q\"")
    print(r'raw \t', R"RAW \d", r"a\\b", len(r"\n"))
    print("a" "b" 'c' """d""")
    print("unicode: \u03c0 \U0001F40D \N{SNOWMAN}")
    print("octal \101 \7" == "octal A \x07", "hex \x7e")
    print(f"f {1 + 1}" f" {'x'}" "plain")
    print(len("""
"""), len(''''''))


main()
