ROOT_NAME = "top"
