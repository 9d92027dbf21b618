import math


def main() -> None:
    inf = float("inf")
    nan = float("nan")
    print(inf, -inf, nan, float("-inf"), float("NaN"), float("Infinity"))
    print(inf + 1, inf * -1, inf - inf, 0 * inf, inf / inf)
    print(nan == nan, nan != nan, nan < 1, inf > 10 ** 300, -inf < -(10 ** 300))
    print(math.isnan(nan), math.isinf(-inf), math.isnan(inf), math.isinf(1e308))
    print(math.inf == inf, math.isnan(math.nan))
    print(repr(inf), str(nan), [inf, -inf, nan])
    print(1e308 * 10, -1e308 * 10)
    print(max(1.0, inf), min(-inf, 0.0))
    print(f"{inf:.2f} {nan:.3e} {-inf:g} {inf:>6}")


main()
