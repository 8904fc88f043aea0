"""Sample issues of the AI Brief drawn as PDFs from text the project wrote (see `samples.issues`).

Only the demo and the tests use this package; the product never reads it.
"""
