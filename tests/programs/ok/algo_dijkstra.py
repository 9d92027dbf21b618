def dijkstra(graph: dict[str, dict[str, int]], src: str) -> dict[str, int]:
    inf = 10 ** 18
    dist = {n: inf for n in graph}
    dist[src] = 0
    done: set[str] = set()
    while len(done) < len(graph):
        best = ""
        best_d = inf
        for n in sorted(graph):
            if n not in done and dist[n] < best_d:
                best, best_d = n, dist[n]
        if best == "":
            break
        done.add(best)
        for m, w in graph[best].items():
            if best_d + w < dist[m]:
                dist[m] = best_d + w
    return dist


def main() -> None:
    g = {
        "a": {"b": 7, "c": 9, "f": 14},
        "b": {"a": 7, "c": 10, "d": 15},
        "c": {"a": 9, "b": 10, "d": 11, "f": 2},
        "d": {"b": 15, "c": 11, "e": 6},
        "e": {"d": 6, "f": 9},
        "f": {"a": 14, "c": 2, "e": 9},
        "z": {},
    }
    print(dijkstra(g, "a"))


main()
