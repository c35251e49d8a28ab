module github.com/fiberus/fiberus

go 1.24.0
