def main() -> None:
    words = ["alpha", "beta", "gamma"]
    print(", ".join(words))
    print("".join(words))
    print("-".join("abc"))
    print("|".join(["only"]))
    print("+".join(str(i) for i in range(5)))
    print("\n".join(["line1", "line2"]))
    print(", ".join(sorted({"b", "a", "c"})))
    print("::".join(w.upper() for w in words if len(w) > 4))
    d = {"k1": "v1", "k2": "v2"}
    print("&".join(k + "=" + v for k, v in d.items()))


main()
