def main():
    print("mod_mainguard main() ran")
print("mod_mainguard imported as", __name__)
if __name__ == "__main__":
    main()
