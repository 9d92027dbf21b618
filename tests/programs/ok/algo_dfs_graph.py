def topo_sort(graph: dict[str, list[str]]) -> list[str]:
    visited: set[str] = set()
    order: list[str] = []

    def visit(n: str) -> None:
        if n in visited:
            return
        visited.add(n)
        for m in graph.get(n, []):
            visit(m)
        order.append(n)

    for node in sorted(graph):
        visit(node)
    return order[::-1]


def count_components(edges: list[tuple[int, int]], n: int) -> int:
    adj: dict[int, list[int]] = {i: [] for i in range(n)}
    for a, b in edges:
        adj[a].append(b)
        adj[b].append(a)
    seen: set[int] = set()
    comps = 0
    for s in range(n):
        if s in seen:
            continue
        comps += 1
        stack = [s]
        while stack:
            v = stack.pop()
            if v in seen:
                continue
            seen.add(v)
            stack.extend(adj[v])
    return comps


def main() -> None:
    g = {"shirt": ["tie", "belt"], "tie": ["jacket"], "pants": ["shoes", "belt"], "belt": ["jacket"], "socks": ["shoes"]}
    print(topo_sort(g))
    print(count_components([(0, 1), (1, 2), (3, 4)], 6))


main()
