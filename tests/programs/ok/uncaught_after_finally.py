def work() -> None:
    try:
        print("working")
        raise RuntimeError("failed during work")
    finally:
        print("cleanup runs first")


work()
