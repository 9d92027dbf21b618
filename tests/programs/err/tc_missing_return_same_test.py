def pick(flag: bool) -> str:  # error: return-value
    if flag:
        return "yes"
    elif flag:
        return "again"
