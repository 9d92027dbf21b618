from pipeline import run_pipeline, make_scaler
from transforms import add_one, negate


def main() -> None:
    print(run_pipeline(5, [add_one, negate, make_scaler(3)]))
    print(run_pipeline(0, []))
    print(run_pipeline(2, [lambda v: v * v, add_one]))


main()
