print("sekom")
