from m import N as N, inc

inc()
