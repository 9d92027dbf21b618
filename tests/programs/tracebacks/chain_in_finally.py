def work() -> None:
    try:
        raise ValueError("first")
    finally:
        print(1 // 0)


work()
