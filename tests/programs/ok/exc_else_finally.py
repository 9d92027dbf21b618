def run(value: str) -> None:
    try:
        print("  try", value)
        n = int(value)
    except ValueError as e:
        print("  except:", e)
    else:
        print("  else:", n * 2)
    finally:
        print("  finally")


def main() -> None:
    print("good")
    run("21")
    print("bad")
    run("2x")
    try:
        print("no handler, finally only")
    finally:
        print("cleanup")


main()
