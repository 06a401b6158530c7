#include "normdoc/version.hpp"

#include <iostream>

int main() {
    std::cout << "normdoc " << normdoc::k_version << '\n';
    return 0;
}
