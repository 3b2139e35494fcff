print("oversight: under construction")
