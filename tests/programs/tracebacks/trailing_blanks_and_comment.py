def f() -> None:
	raise ValueError("x")   


f()  # call it  
