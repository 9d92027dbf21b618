class Neg:
    def __len__(self) -> int:
        return -1


class Huge:
    def __len__(self) -> int:
        return 2**70


class Fine:
    def __len__(self) -> int:
        return 3


class Zero:
    def __len__(self) -> int:
        return 0


try:
    print(len(Neg()))
except ValueError as e:
    print("ValueError:", e)
try:
    print(bool(Neg()))
except ValueError as e:
    print("ValueError:", e)
try:
    if Neg():
        print("truthy")
except ValueError as e:
    print("ValueError:", e)
try:
    print(len(Huge()))
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(bool(Huge()))
except OverflowError as e:
    print("OverflowError:", e)
print(len(Fine()), bool(Fine()), bool(Zero()), not Zero())
