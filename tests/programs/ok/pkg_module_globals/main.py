import state
from state import record, snapshot


def main() -> None:
    print(state.counter, state.events)
    record("start")
    record("middle")
    state.bump(5)
    print(state.counter, state.events)
    print(snapshot())
    record("end")
    print(len(state.events), state.counter)


main()
