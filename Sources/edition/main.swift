print("edition")
