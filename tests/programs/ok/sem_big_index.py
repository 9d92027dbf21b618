big = 2**70
xs = [1, 2, 3]
try:
    xs.pop(big)
except OverflowError as e:
    print("OverflowError:", e)
try:
    xs.pop(-big)
except OverflowError as e:
    print("OverflowError:", e)
try:
    xs.insert(big, 9)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(xs * big)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(xs * -big)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print((1, 2) * big)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print("ab" * big)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print("a b".split(" ", big))
except OverflowError as e:
    print("OverflowError:", e)
try:
    print("aaa".replace("a", "b", -big))
except OverflowError as e:
    print("OverflowError:", e)
try:
    print("a".ljust(big))
except OverflowError as e:
    print("OverflowError:", e)
try:
    print("a".zfill(big))
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(chr(big))
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(xs[big])
except IndexError as e:
    print("IndexError:", e)
try:
    print("abc"[-big])
except IndexError as e:
    print("IndexError:", e)
print("abc".find("b", -big, big), "abc".count("b", big), "abc".startswith("a", -big))
print(xs.index(2, -big, big), xs[-big:big], xs[big:], "abcdef"[-big:big:2], xs[::big])
print(xs * 0, round(1.5, big), xs)
