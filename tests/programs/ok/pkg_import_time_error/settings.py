print("settings loading")
RAW_PORT = "80a"
PORT = int(RAW_PORT)
print("settings loaded")
