def main() -> None:
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("finally", i)
    print("loop1 done")
    for j in range(3):
        try:
            raise ValueError(str(j))
        finally:
            if j == 0:
                break
    print("break in finally swallowed the exception")
    k = 0
    while k < 3:
        k += 1
        try:
            if k == 2:
                raise KeyError(k)
        except KeyError as e:
            print("caught", e)
            continue
        finally:
            print("while finally", k)
        print("after try", k)


main()
