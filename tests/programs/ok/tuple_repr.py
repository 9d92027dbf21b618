def main() -> None:
    print((1,), (), (1, 2), ("a",), ((),), ((1,),))
    print(str((1, "x")), repr(("x", 0.5)), [(1,)], {(): ()})
    t: tuple[int, ...] = tuple([1, 2, 3])
    print(t, tuple("ab"), tuple(range(3)), tuple())
    print((None, True, -0.0, "q'"))


main()
