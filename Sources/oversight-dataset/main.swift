print("dataset")
