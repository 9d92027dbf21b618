print("third: executing top level")
value = "3"
