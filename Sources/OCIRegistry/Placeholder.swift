import OCIModel
