from dataclasses import dataclass


@dataclass
class Employee:
    name: str
    dept: str
    salary: int


def main() -> None:
    staff = [
        Employee("ann", "eng", 120),
        Employee("bob", "ops", 90),
        Employee("cy", "eng", 100),
        Employee("di", "ops", 95),
    ]
    by_dept: dict[str, list[Employee]] = {}
    for e in staff:
        by_dept.setdefault(e.dept, []).append(e)
    for dept, people in by_dept.items():
        print(dept, [p.name for p in people], sum(p.salary for p in people))
    top = max(staff, key=lambda e: e.salary)
    print(top)
    print(sorted(staff, key=lambda e: (e.dept, -e.salary))[0])
    print(Employee("bob", "ops", 90) in staff)


main()
