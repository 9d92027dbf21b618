def main() -> None:
    s = "filename.tar.gz"
    print(s.startswith("file"), s.startswith("name"), s.startswith("name", 4), s.startswith(""))
    print(s.endswith(".gz"), s.endswith(".tar"), s.endswith(".tar", 0, 12), s.endswith(""))
    print(s.startswith("file", 0, 3), "".startswith(""), "".endswith("x"))
    names = ["test_a", "b_test", "test_c", "d"]
    print([n for n in names if n.startswith("test_")])
    print([n for n in names if not n.endswith("test")])


main()
