s = "abc"
ch = s[5]
