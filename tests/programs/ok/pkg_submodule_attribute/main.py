import tools.text
import tools.numbers as nums
from tools import text


def main() -> None:
    print(tools.text.reverse("abc"), text.reverse("xyz"))
    print(nums.clamp(15, 0, 10), tools.numbers.clamp(-3, 0, 10))
    print(tools.text.reverse is text.reverse)


main()
