print("kgexport")
