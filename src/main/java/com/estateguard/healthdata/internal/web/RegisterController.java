package com.estateguard.healthdata.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.UploadedTable;
import com.estateguard.common.Uploads;
import com.estateguard.healthdata.internal.RegisterImport;
import java.io.IOException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Upload of the NAT comparison register (核酸比对登记簿) and health-code status lists. */
@Controller
@PreAuthorize("hasAuthority('HEALTH_IMPORT')")
class RegisterController {

    private final RegisterImport imports;
    private final Uploads uploads;

    RegisterController(RegisterImport imports, Uploads uploads) {
        this.imports = imports;
        this.uploads = uploads;
    }

    @GetMapping("/health-registers")
    String page(Model model) {
        model.addAttribute("batches", imports.recent());
        return "registers/import";
    }

    @PostMapping("/health-registers")
    String upload(@RequestParam RegisterImport.Kind kind, @RequestParam MultipartFile file, Model model) throws IOException {
        UploadedTable table = uploads.table(file, "error.import.type");
        model.addAttribute("result", imports.importFile(kind, table.fileName(), table.stream(), CurrentUser.require()));
        return page(model);
    }
}
