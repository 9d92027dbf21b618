def main() -> None:
    nums = [1, 2, 3]
    print(", ".join(nums))  # error: arg-type


main()
